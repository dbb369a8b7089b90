CREATE TABLE "conduct_records" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"closed" date,
	"description" text NOT NULL,
	"document" text NOT NULL,
	"source" text NOT NULL,
	"department" text,
	"application_id" text,
	"recorded_by" text NOT NULL,
	"recorder_role" text NOT NULL,
	"region_path" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conduct_records_source_check" CHECK ("conduct_records"."source" in ('staff', 'joint_review'))
);
--> statement-breakpoint
ALTER TABLE "conduct_records" ADD CONSTRAINT "conduct_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conduct_records_person_idx" ON "conduct_records" USING btree ("person_id","date");