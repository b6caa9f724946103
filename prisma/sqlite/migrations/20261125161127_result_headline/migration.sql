-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Result" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "frameworkVersion" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "input" JSONB NOT NULL,
    "inputHash" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "organizationId" TEXT NOT NULL DEFAULT '',
    "score" REAL NOT NULL DEFAULT 0,
    "stage" INTEGER NOT NULL DEFAULT 1,
    "readyToScale" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Result_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Result" ("assessmentId", "computedAt", "frameworkVersion", "id", "input", "inputHash", "result", "workspaceId") SELECT "assessmentId", "computedAt", "frameworkVersion", "id", "input", "inputHash", "result", "workspaceId" FROM "Result";
DROP TABLE "Result";
ALTER TABLE "new_Result" RENAME TO "Result";
CREATE UNIQUE INDEX "Result_assessmentId_key" ON "Result"("assessmentId");
CREATE INDEX "Result_workspaceId_organizationId_computedAt_idx" ON "Result"("workspaceId", "organizationId", "computedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill the headline of results written before these columns existed.
UPDATE "Result" SET
  "organizationId" = (SELECT "organizationId" FROM "Assessment" WHERE "Assessment"."id" = "Result"."assessmentId"),
  "score" = COALESCE(json_extract("result", '$.overall.score'), 0),
  "stage" = COALESCE(json_extract("result", '$.overall.stage'), 1),
  "readyToScale" = COALESCE(json_extract("result", '$.readyToScale'), 0);
