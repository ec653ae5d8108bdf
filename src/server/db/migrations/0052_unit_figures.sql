CREATE TABLE "unit_figures" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"counted_on" text NOT NULL,
	"campaign_id" uuid,
	"campaign_name" text,
	"measures" integer DEFAULT 0 NOT NULL,
	"measures_broken_down" integer DEFAULT 0 NOT NULL,
	"campaign_items" integer DEFAULT 0 NOT NULL,
	"campaign_closed" integer DEFAULT 0 NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"due_soon" integer DEFAULT 0 NOT NULL,
	"rules_met" integer,
	"rules_decided" integer,
	"compliance_at" timestamp with time zone,
	"meeting_title" text,
	"meeting_status" text,
	"meeting_planned_on" text,
	"meeting_held_on" text,
	"last_activity_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "unit_rule_figures" (
	"unit_id" uuid NOT NULL,
	"rule_title" text NOT NULL,
	"met" integer NOT NULL,
	"decided" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "unit_rule_figures_unit_id_rule_title_pk" PRIMARY KEY("unit_id","rule_title")
);
