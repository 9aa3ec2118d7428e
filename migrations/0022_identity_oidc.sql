CREATE TABLE "identity_oidc_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_login_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_oidc_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_to" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "identity_oidc_identities" ADD CONSTRAINT "identity_oidc_identities_user_id_identity_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "identity_oidc_identities_subject_uq" ON "identity_oidc_identities" USING btree ("issuer","subject");--> statement-breakpoint
CREATE INDEX "identity_oidc_identities_user_idx" ON "identity_oidc_identities" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_oidc_requests_state_uq" ON "identity_oidc_requests" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "identity_oidc_requests_expires_idx" ON "identity_oidc_requests" USING btree ("expires_at");