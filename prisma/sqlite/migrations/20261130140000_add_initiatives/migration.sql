-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "businessFunction" TEXT,
    "workflow" TEXT,
    "dataSources" TEXT,
    "status" TEXT NOT NULL DEFAULT 'idea',
    "ownerMemberId" TEXT,
    "ownerName" TEXT,
    "ownerRole" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Initiative_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Initiative_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Initiative_ownerMemberId_fkey" FOREIGN KEY ("ownerMemberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InitiativeStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedByUserId" TEXT,
    "changedByLabel" TEXT NOT NULL,
    "overrideReason" TEXT,
    "overriddenParts" TEXT,
    CONSTRAINT "InitiativeStatusChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InitiativeDiagnosticPart" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "initiativeId" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "links" TEXT,
    "checkedAt" DATETIME NOT NULL,
    "checkedByUserId" TEXT,
    "checkedByLabel" TEXT NOT NULL,
    CONSTRAINT "InitiativeDiagnosticPart_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Initiative_workspaceId_organizationId_createdAt_idx" ON "Initiative"("workspaceId", "organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Initiative_ownerMemberId_idx" ON "Initiative"("ownerMemberId");

-- CreateIndex
CREATE INDEX "InitiativeStatusChange_initiativeId_changedAt_idx" ON "InitiativeStatusChange"("initiativeId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InitiativeDiagnosticPart_initiativeId_part_key" ON "InitiativeDiagnosticPart"("initiativeId", "part");
