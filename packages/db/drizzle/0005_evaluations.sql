CREATE TABLE "evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"placement_id" text NOT NULL,
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"cycle_id" text DEFAULT '' NOT NULL,
	"period" text NOT NULL,
	"points_hundredths" integer,
	"outcome" text,
	"body" jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_kind_check" CHECK ("evaluations"."kind" in ('score', 'report_back', 'stars', 'four_evaluations', 'secretary_type'))
);
--> statement-breakpoint
CREATE TABLE "reserve_members" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"region_id" text NOT NULL,
	"scheme_id" text NOT NULL,
	"scheme_version" integer NOT NULL,
	"role" text NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"entered_on" date NOT NULL,
	"left_on" date,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reserve_members_state_check" CHECK ("reserve_members"."state" in ('active', 'removed'))
);
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_members" ADD CONSTRAINT "reserve_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_members" ADD CONSTRAINT "reserve_members_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reserve_members" ADD CONSTRAINT "reserve_members_scheme_id_scheme_version_schemes_scheme_id_version_fk" FOREIGN KEY ("scheme_id","scheme_version") REFERENCES "public"."schemes"("scheme_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_placement_kind_period_unique" ON "evaluations" USING btree ("placement_id","kind","cycle_id","period");--> statement-breakpoint
CREATE INDEX "evaluations_person_idx" ON "evaluations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "reserve_members_region_idx" ON "reserve_members" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_members_active_unique" ON "reserve_members" USING btree ("person_id","scheme_id") WHERE state = 'active';