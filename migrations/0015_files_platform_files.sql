CREATE TABLE "platform_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_key" text NOT NULL,
	"store_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" text NOT NULL,
	"display_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_files_owner_key_check" CHECK (length("platform_files"."owner_key") between 1 and 200),
	CONSTRAINT "platform_files_sha256_check" CHECK ("platform_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "platform_files_size_check" CHECK ("platform_files"."size_bytes" > 0),
	CONSTRAINT "platform_files_media_type_check" CHECK ("platform_files"."media_type" in ('application/pdf', 'image/jpeg', 'image/png'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "platform_files_store_key_idx" ON "platform_files" USING btree ("store_key");--> statement-breakpoint
CREATE INDEX "platform_files_owner_idx" ON "platform_files" USING btree ("owner_key","size_bytes");