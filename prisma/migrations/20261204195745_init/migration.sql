-- CreateTable
CREATE TABLE "units" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region_code" TEXT,
    "parent_id" TEXT,
    "contacts" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "routing_rules" (
    "id" TEXT NOT NULL,
    "region_code" TEXT,
    "supervising_department" TEXT,
    "respondent_type" TEXT,
    "unit_id" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "is_fallback" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "routing_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" TEXT NOT NULL,
    "case_number" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "duplicate_key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "unit_id" TEXT,
    "complainant_credit_code" TEXT NOT NULL,
    "complainant_name" TEXT NOT NULL,
    "respondent_name" TEXT NOT NULL,
    "respondent_type" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "amount" DECIMAL(16,2) NOT NULL,
    "overdue_amount" DECIMAL(16,2) NOT NULL,
    "outcome" TEXT,
    "next_deadline_at" TIMESTAMPTZ(3),
    "complaint" JSONB NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "projected_seq" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_events" (
    "id" BIGSERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "case_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_deadlines" (
    "case_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "state" TEXT NOT NULL,
    "met_at" TIMESTAMPTZ(3),

    CONSTRAINT "case_deadlines_pkey" PRIMARY KEY ("case_id","key")
);

-- CreateTable
CREATE TABLE "case_number_counters" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "case_number_counters_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "unit_id" TEXT,
    "credit_code" TEXT,
    "label" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "routing_rules_region_code_idx" ON "routing_rules"("region_code");

-- CreateIndex
CREATE UNIQUE INDEX "cases_case_number_key" ON "cases"("case_number");

-- CreateIndex
CREATE UNIQUE INDEX "cases_idempotency_key_key" ON "cases"("idempotency_key");

-- CreateIndex
CREATE INDEX "cases_status_created_at_idx" ON "cases"("status", "created_at");

-- CreateIndex
CREATE INDEX "cases_unit_id_status_idx" ON "cases"("unit_id", "status");

-- CreateIndex
CREATE INDEX "cases_complainant_credit_code_created_at_idx" ON "cases"("complainant_credit_code", "created_at");

-- CreateIndex
CREATE INDEX "cases_duplicate_key_status_idx" ON "cases"("duplicate_key", "status");

-- CreateIndex
CREATE INDEX "cases_next_deadline_at_idx" ON "cases"("next_deadline_at");

-- CreateIndex
CREATE UNIQUE INDEX "case_events_case_id_seq_key" ON "case_events"("case_id", "seq");

-- CreateIndex
CREATE INDEX "case_deadlines_state_due_at_idx" ON "case_deadlines"("state", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_deadlines" ADD CONSTRAINT "case_deadlines_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
