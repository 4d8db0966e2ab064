-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "unit_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "cases_unit_ids_idx" ON "cases" USING GIN ("unit_ids");
