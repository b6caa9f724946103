-- AlterTable
ALTER TABLE "AssessmentInvitation" ADD COLUMN "previousInvitationId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dimension" TEXT,
    "recommendationId" TEXT,
    "ownerMemberId" TEXT,
    "ownerName" TEXT,
    "ownerRole" TEXT,
    "dueDate" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "completedAt" DATETIME,
    "assessmentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Action_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_ownerMemberId_fkey" FOREIGN KEY ("ownerMemberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Action_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Action" ("completedAt", "createdAt", "dimension", "dueDate", "id", "organizationId", "ownerMemberId", "ownerName", "ownerRole", "recommendationId", "status", "title", "updatedAt", "workspaceId") SELECT "completedAt", "createdAt", "dimension", "dueDate", "id", "organizationId", "ownerMemberId", "ownerName", "ownerRole", "recommendationId", "status", "title", "updatedAt", "workspaceId" FROM "Action";
DROP TABLE "Action";
ALTER TABLE "new_Action" RENAME TO "Action";
CREATE INDEX "Action_workspaceId_organizationId_createdAt_idx" ON "Action"("workspaceId", "organizationId", "createdAt");
CREATE INDEX "Action_ownerMemberId_idx" ON "Action"("ownerMemberId");
CREATE INDEX "Action_assessmentId_idx" ON "Action"("assessmentId");
CREATE TABLE "new_Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "frameworkVersion" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "roles" JSONB NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "minGroupSize" INTEGER NOT NULL DEFAULT 3,
    "opensAt" DATETIME,
    "closesAt" DATETIME,
    "targets" JSONB,
    "previousAssessmentId" TEXT,
    "baselineAssessmentId" TEXT,
    "focusInitiativeId" TEXT,
    "showPreviousAnswers" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "Assessment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_focusInitiativeId_fkey" FOREIGN KEY ("focusInitiativeId") REFERENCES "Initiative" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Assessment" ("anonymous", "closedAt", "closesAt", "createdAt", "frameworkVersion", "id", "minGroupSize", "name", "openedAt", "opensAt", "organizationId", "previousAssessmentId", "roles", "state", "targets", "updatedAt", "workspaceId") SELECT "anonymous", "closedAt", "closesAt", "createdAt", "frameworkVersion", "id", "minGroupSize", "name", "openedAt", "opensAt", "organizationId", "previousAssessmentId", "roles", "state", "targets", "updatedAt", "workspaceId" FROM "Assessment";
DROP TABLE "Assessment";
ALTER TABLE "new_Assessment" RENAME TO "Assessment";
CREATE INDEX "Assessment_workspaceId_organizationId_createdAt_idx" ON "Assessment"("workspaceId", "organizationId", "createdAt");
CREATE INDEX "Assessment_focusInitiativeId_idx" ON "Assessment"("focusInitiativeId");
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retakeIntervalDays" INTEGER NOT NULL DEFAULT 91
);
INSERT INTO "new_Workspace" ("createdAt", "id", "name") SELECT "createdAt", "id", "name" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AssessmentInvitation_previousInvitationId_idx" ON "AssessmentInvitation"("previousInvitationId");
