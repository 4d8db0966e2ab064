-- CreateTable
CREATE TABLE "agencies" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "measures" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "contacts" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agencies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliveries" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "event_seq" INTEGER,
    "event_type" TEXT NOT NULL,
    "recipient_kind" TEXT NOT NULL,
    "recipient_id" TEXT,
    "channel" TEXT NOT NULL,
    "address" TEXT,
    "template" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "receipt" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanction_orders" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "case_number" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agency_id" TEXT,
    "respondent_name" TEXT NOT NULL,
    "respondent_credit_code" TEXT,
    "respondent_type" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sanction_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dishonest_payers" (
    "case_id" TEXT NOT NULL,
    "case_number" TEXT NOT NULL,
    "respondent_name" TEXT NOT NULL,
    "respondent_credit_code" TEXT,
    "respondent_type" TEXT NOT NULL,
    "listed_since" TIMESTAMPTZ(3) NOT NULL,
    "delisted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dishonest_payers_pkey" PRIMARY KEY ("case_id")
);

-- CreateIndex
CREATE INDEX "deliveries_case_id_status_idx" ON "deliveries"("case_id", "status");

-- CreateIndex
CREATE INDEX "deliveries_status_next_attempt_at_idx" ON "deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "sanction_orders_case_id_measure_kind_key" ON "sanction_orders"("case_id", "measure", "kind");

-- CreateIndex
CREATE INDEX "dishonest_payers_delisted_at_listed_since_idx" ON "dishonest_payers"("delisted_at", "listed_since");
