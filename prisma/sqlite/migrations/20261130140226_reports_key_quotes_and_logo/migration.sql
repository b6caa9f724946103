-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "logo" BLOB;
ALTER TABLE "Workspace" ADD COLUMN "logoType" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "logoUpdatedAt" DATETIME;

-- CreateTable
CREATE TABLE "KeyQuote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "markedByUserId" TEXT,
    "markedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "KeyQuote_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "KeyQuote_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "KeyQuote_answerId_key" ON "KeyQuote"("answerId");

-- CreateIndex
CREATE INDEX "KeyQuote_workspaceId_assessmentId_idx" ON "KeyQuote"("workspaceId", "assessmentId");
