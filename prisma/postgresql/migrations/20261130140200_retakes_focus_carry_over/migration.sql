-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "assessmentId" TEXT;

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "baselineAssessmentId" TEXT,
ADD COLUMN     "focusInitiativeId" TEXT,
ADD COLUMN     "showPreviousAnswers" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AssessmentInvitation" ADD COLUMN     "previousInvitationId" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "retakeIntervalDays" INTEGER NOT NULL DEFAULT 91;

-- CreateIndex
CREATE INDEX "Action_assessmentId_idx" ON "Action"("assessmentId");

-- CreateIndex
CREATE INDEX "Assessment_focusInitiativeId_idx" ON "Assessment"("focusInitiativeId");

-- CreateIndex
CREATE INDEX "AssessmentInvitation_previousInvitationId_idx" ON "AssessmentInvitation"("previousInvitationId");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_focusInitiativeId_fkey" FOREIGN KEY ("focusInitiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
