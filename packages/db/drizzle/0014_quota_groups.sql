-- Issue 13: a quota group is one scheme in one region (Assessment.quotaGroupKey: "<scheme id>@<region path>"),
-- derived, never a free string two districts could share. Existing placements and the assessments counted under
-- them take the derived key; stale lock rows keyed by the old strings are left alone (nothing reads them again).
UPDATE "placements" AS p SET "quota_group" = p."scheme_id" || '@' || r."path"
FROM "schemes" s JOIN "regions" r ON r."id" = s."region_id"
WHERE s."scheme_id" = p."scheme_id" AND s."version" = p."scheme_version";
--> statement-breakpoint
UPDATE "assessments" AS a SET "quota_group" = p."quota_group"
FROM "placements" p
WHERE p."id" = a."placement_id" AND a."quota_group" IS NOT NULL;
