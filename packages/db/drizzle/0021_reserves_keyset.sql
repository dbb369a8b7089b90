DROP INDEX "reserve_members_region_idx";--> statement-breakpoint
CREATE INDEX "reserve_members_region_id_idx" ON "reserve_members" USING btree ("region_id","id");