CREATE TABLE "archive_entries" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"volume" integer NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"kind_rank" integer NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"ref" text,
	"citation" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "archive_entries" ADD CONSTRAINT "archive_entries_person_id_archives_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."archives"("person_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "archive_entries_person_entry_idx" ON "archive_entries" USING btree ("person_id","entry_id");--> statement-breakpoint
CREATE INDEX "archive_entries_order_idx" ON "archive_entries" USING btree ("person_id","volume","date","kind_rank","seq");--> statement-breakpoint
-- hand-written: move every archive's entries out of its body into rows, in the order the body kept them (its
-- array order is the file's order, so `seq` follows it); an entry's volume is 1 + the sealed volumes that end
-- before it. The body keeps the header (opening, seal, sealed volumes).
INSERT INTO "archive_entries" ("person_id", "entry_id", "volume", "date", "kind", "kind_rank", "title_zh", "title_en", "ref", "citation")
SELECT a."person_id",
       x.e->>'id',
       1 + (SELECT count(*) FROM jsonb_array_elements(coalesce(a."body"->'closedVolumes', '[]'::jsonb)) v
            WHERE (v->>'entryCount')::int < x.ord),
       (x.e->>'date')::date,
       x.e->>'kind',
       coalesce(array_position(ARRAY['registration_form','inspection','recommendation','placement_change','report','assessment','training','reward','penalty'], x.e->>'kind'), 0),
       coalesce(x.e->'title'->>'zh', ''),
       coalesce(x.e->'title'->>'en', ''),
       x.e->>'ref',
       x.e->'citation'
FROM "archives" a
CROSS JOIN LATERAL jsonb_array_elements(coalesce(a."body"->'entries', '[]'::jsonb)) WITH ORDINALITY AS x(e, ord)
ORDER BY a."person_id", x.ord;
--> statement-breakpoint
UPDATE "archives" SET "body" = "body" - 'entries';
