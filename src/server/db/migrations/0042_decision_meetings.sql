CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"proposer_department_id" uuid,
	"reporter_person_id" uuid,
	"category" text DEFAULT 'none' NOT NULL,
	"amount_wan" numeric(14, 2),
	"materials_sent_on" text,
	"attendee_ids" uuid[] DEFAULT '{}' NOT NULL,
	"attendee_others" text DEFAULT '' NOT NULL,
	"recused_ids" uuid[] DEFAULT '{}' NOT NULL,
	"recusal_note" text DEFAULT '' NOT NULL,
	"follow_up_of" uuid,
	"outcome" text,
	"conclusion" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"position" text NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"kind_name" text,
	"session_no" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" text NOT NULL,
	"starts_at" text,
	"place" text DEFAULT '' NOT NULL,
	"chair_person_id" uuid NOT NULL,
	"recorder_person_id" uuid,
	"member_ids" uuid[] NOT NULL,
	"present_ids" uuid[] DEFAULT '{}' NOT NULL,
	"absences" text DEFAULT '[]' NOT NULL,
	"by_circulation" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"minutes_no" text,
	"plan_entry_id" uuid,
	"unplanned_reason" text,
	"duration_minutes" integer,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"item_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"sub_kind" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"month" integer NOT NULL,
	"organiser_department_id" uuid,
	"duration_minutes" integer,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("unit_id","meeting_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_meeting_seq_uq" ON "agenda_items" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_positions_person_uq" ON "agenda_positions" USING btree ("agenda_item_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_positions_seq_uq" ON "agenda_positions" USING btree ("agenda_item_id","seq");--> statement-breakpoint
CREATE INDEX "decision_meetings_unit_held_idx" ON "decision_meetings" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE INDEX "decision_meetings_unit_kind_idx" ON "decision_meetings" USING btree ("unit_id","kind","held_on");--> statement-breakpoint
CREATE INDEX "meeting_decisions_meeting_idx" ON "meeting_decisions" USING btree ("unit_id","meeting_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decisions_item_uq" ON "meeting_decisions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "plan_entries_unit_year_idx" ON "plan_entries" USING btree ("unit_id","year","kind","month");