CREATE TABLE "person_versions" (
	"person_id" text NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"actor_account_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"region_id" text NOT NULL,
	"unit_id" text,
	"id_number" text NOT NULL,
	"phone" text,
	"name" text NOT NULL,
	"profile" jsonb NOT NULL,
	"changed" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "person_versions_pk" PRIMARY KEY("person_id","version"),
	CONSTRAINT "person_versions_source_check" CHECK ("person_versions"."source" in ('entered', 'imported', 'self_declared'))
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "unit_id" text;--> statement-breakpoint
ALTER TABLE "person_versions" ADD CONSTRAINT "person_versions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_unit_idx" ON "people" USING btree ("unit_id");--> statement-breakpoint

-- Hand-written below (issue 14): records already on file get their unit from their employment (the unit whose name
-- is the profile's current unit, when exactly one unit bears it) and their current version as the first row of
-- their history: self-declared when an applicant's account holds it, entered otherwise.
UPDATE "people" p SET "unit_id" = u."id"
FROM "units" u
WHERE p."unit_id" IS NULL
  AND u."name" = p."profile"->>'currentUnit'
  AND (SELECT count(*) FROM "units" u2 WHERE u2."name" = u."name") = 1;
--> statement-breakpoint
INSERT INTO "person_versions"
  ("person_id", "version", "source", "actor_account_id", "actor_role", "at", "region_id", "unit_id", "id_number",
   "phone", "name", "profile", "changed")
SELECT p."id", p."version", CASE WHEN p."account_id" IS NULL THEN 'entered' ELSE 'self_declared' END,
  coalesce(p."account_id", 'system:migration'), CASE WHEN p."account_id" IS NULL THEN 'system' ELSE 'applicant' END,
  p."updated_at", p."region_id", p."unit_id", p."id_number", p."phone", p."name", p."profile", '{}'::text[]
FROM "people" p
ON CONFLICT DO NOTHING;
