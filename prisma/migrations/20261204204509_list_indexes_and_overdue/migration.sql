-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "overdue" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "cases_created_at_id_idx" ON "cases"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_unit_id_created_at_idx" ON "cases"("unit_id", "created_at");

-- CreateIndex
CREATE INDEX "cases_escalation_level_created_at_idx" ON "cases"("escalation_level", "created_at");

-- CreateIndex
CREATE INDEX "cases_overdue_created_at_idx" ON "cases"("overdue", "created_at");
