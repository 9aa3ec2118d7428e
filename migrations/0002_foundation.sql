CREATE TABLE "identity_org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"successor_id" uuid,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_org_units_kind_ck" CHECK ("identity_org_units"."kind" in ('province','department','commune','district','service-center','division'))
);
--> statement-breakpoint
CREATE TABLE "identity_role_grants" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	CONSTRAINT "identity_role_grants_user_id_role_org_unit_id_pk" PRIMARY KEY("user_id","role","org_unit_id"),
	CONSTRAINT "identity_role_grants_role_ck" CHECK ("identity_role_grants"."role" in ('system-admin','unit-admin','reception-officer','specialist','leader','reform-office'))
);
--> statement-breakpoint
CREATE TABLE "identity_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"username" text,
	"email" text,
	"phone" text,
	"display_name" text NOT NULL,
	"account_type" text,
	"tax_code" text,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_users_kind_ck" CHECK ("identity_users"."kind" in ('officer','citizen'))
);
--> statement-breakpoint
ALTER TABLE "identity_role_grants" ADD CONSTRAINT "identity_role_grants_user_id_identity_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_role_grants" ADD CONSTRAINT "identity_role_grants_org_unit_id_identity_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "identity_org_units_code_uq" ON "identity_org_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "identity_org_units_parent_idx" ON "identity_org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "identity_org_units_path_idx" ON "identity_org_units" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_users_username_uq" ON "identity_users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "identity_users_email_uq" ON "identity_users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "identity_users_phone_uq" ON "identity_users" USING btree ("phone");