CREATE TABLE "oauth_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"vendor" text NOT NULL,
	"vendor_user_id" text NOT NULL,
	"linked_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_links_vendor_uq" ON "oauth_links" USING btree ("vendor","vendor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_links_user_uq" ON "oauth_links" USING btree ("unit_id","user_id","vendor");