-- CreateEnum
CREATE TYPE "InitiativeStatus" AS ENUM ('idea', 'pilot', 'production', 'scaled', 'retired');

-- CreateEnum
CREATE TYPE "DiagnosticPartStatus" AS ENUM ('met', 'partial', 'unmet');

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "businessFunction" TEXT,
    "workflow" TEXT,
    "dataSources" TEXT,
    "status" "InitiativeStatus" NOT NULL DEFAULT 'idea',
    "ownerMemberId" TEXT,
    "ownerName" TEXT,
    "ownerRole" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeStatusChange" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "fromStatus" "InitiativeStatus",
    "toStatus" "InitiativeStatus" NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedByUserId" TEXT,
    "changedByLabel" TEXT NOT NULL,
    "overrideReason" TEXT,
    "overriddenParts" TEXT,

    CONSTRAINT "InitiativeStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeDiagnosticPart" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "status" "DiagnosticPartStatus" NOT NULL,
    "evidence" TEXT NOT NULL,
    "links" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "checkedByUserId" TEXT,
    "checkedByLabel" TEXT NOT NULL,

    CONSTRAINT "InitiativeDiagnosticPart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Initiative_workspaceId_organizationId_createdAt_idx" ON "Initiative"("workspaceId", "organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Initiative_ownerMemberId_idx" ON "Initiative"("ownerMemberId");

-- CreateIndex
CREATE INDEX "InitiativeStatusChange_initiativeId_changedAt_idx" ON "InitiativeStatusChange"("initiativeId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InitiativeDiagnosticPart_initiativeId_part_key" ON "InitiativeDiagnosticPart"("initiativeId", "part");

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_ownerMemberId_fkey" FOREIGN KEY ("ownerMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeStatusChange" ADD CONSTRAINT "InitiativeStatusChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeDiagnosticPart" ADD CONSTRAINT "InitiativeDiagnosticPart_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
