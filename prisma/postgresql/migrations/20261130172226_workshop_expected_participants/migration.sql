-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "expectedParticipants" INTEGER;
