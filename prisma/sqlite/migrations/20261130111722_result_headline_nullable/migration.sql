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
    "score" REAL,
    "stage" INTEGER,
    "readyToScale" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Result_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Result" ("assessmentId", "computedAt", "frameworkVersion", "id", "input", "inputHash", "organizationId", "readyToScale", "result", "score", "stage", "workspaceId") SELECT "assessmentId", "computedAt", "frameworkVersion", "id", "input", "inputHash", "organizationId", "readyToScale", "result", "score", "stage", "workspaceId" FROM "Result";
DROP TABLE "Result";
ALTER TABLE "new_Result" RENAME TO "Result";
CREATE UNIQUE INDEX "Result_assessmentId_key" ON "Result"("assessmentId");
CREATE INDEX "Result_workspaceId_organizationId_computedAt_idx" ON "Result"("workspaceId", "organizationId", "computedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
