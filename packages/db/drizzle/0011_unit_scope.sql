ALTER TABLE "applications" ADD COLUMN "recommending_unit_id" text;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_recommending_unit_id_units_id_fk" FOREIGN KEY ("recommending_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_recommending_unit_idx" ON "applications" USING btree ("recommending_unit_id","campaign_id","created_at","id");--> statement-breakpoint
CREATE INDEX "placements_dispatching_unit_idx" ON "placements" USING btree ("dispatching_unit_id");--> statement-breakpoint
-- hand-written: an application a unit account submitted (the first move of its history, made by that account)
-- is that unit's recommendation.
UPDATE "applications" AS a SET "recommending_unit_id" = r."unit_id"
FROM "account_roles" AS r
WHERE a."recommending_unit_id" IS NULL
  AND r."scope_kind" = 'unit'
  AND r."unit_id" IS NOT NULL
  AND r."user_id" = a."body"->'history'->0->>'by'
  AND a."body"->'history'->0->'move'->>'_tag' = 'Submit';
