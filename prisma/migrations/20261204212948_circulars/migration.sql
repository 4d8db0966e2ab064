-- CreateTable
CREATE TABLE "circulars" (
    "id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3) NOT NULL,
    "generated_at" TIMESTAMPTZ(3) NOT NULL,
    "rows" JSONB NOT NULL,
    "summons_unit_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "circulars_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "circulars_period_key" ON "circulars"("period");
