-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "organizationId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "readyToScale" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "stage" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Result_workspaceId_organizationId_computedAt_idx" ON "Result"("workspaceId", "organizationId", "computedAt");

-- Backfill the headline of results written before these columns existed.
UPDATE "Result" SET
  "organizationId" = (SELECT "organizationId" FROM "Assessment" WHERE "Assessment"."id" = "Result"."assessmentId"),
  "score" = COALESCE(("result"->'overall'->>'score')::double precision, 0),
  "stage" = COALESCE(("result"->'overall'->>'stage')::integer, 1),
  "readyToScale" = COALESCE(("result"->>'readyToScale')::boolean, false);
