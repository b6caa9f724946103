-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logoType" TEXT,
ADD COLUMN     "logoUpdatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "KeyQuote" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "markedByUserId" TEXT,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeyQuote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KeyQuote_answerId_key" ON "KeyQuote"("answerId");

-- CreateIndex
CREATE INDEX "KeyQuote_workspaceId_assessmentId_idx" ON "KeyQuote"("workspaceId", "assessmentId");

-- AddForeignKey
ALTER TABLE "KeyQuote" ADD CONSTRAINT "KeyQuote_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyQuote" ADD CONSTRAINT "KeyQuote_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
