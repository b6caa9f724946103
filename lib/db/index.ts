export {
  getDb,
  disconnectDb,
  databaseUrl,
  databaseProvider,
  runProgram,
  sqliteTurnsInUse,
  DEFAULT_DATABASE_URL,
} from "./client";
export type { Db, DbTx } from "./client";
export type { Program } from "./program";
export { Prisma, Role } from "./prisma";
export { isUniqueViolation, isNotFound } from "./errors";
export { lockForShare, lockForUpdate } from "./locks";
export * as answersSql from "./answers";
export * as workshopsSql from "./workshops";
