CREATE TABLE "opinion_pending" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"day" text NOT NULL,
	"sealed" text NOT NULL
);
--> statement-breakpoint
-- Hand-written: sealed values are random bytes, compressing them only costs time.
ALTER TABLE "opinion_pending" ALTER COLUMN "sealed" SET STORAGE EXTERNAL;--> statement-breakpoint
-- Hand-written: codes issued before keyed hashes are marked unkeyed; the start-up upgrade rehashes them.
ALTER TABLE "opinion_codes" ADD COLUMN "keyed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "opinion_codes" ALTER COLUMN "keyed" SET DEFAULT true;--> statement-breakpoint
CREATE INDEX "opinion_pending_group_idx" ON "opinion_pending" USING btree ("unit_id","form_id","audience","day");
