export { getDb, disconnectDb, databaseUrl, databaseProvider, DEFAULT_DATABASE_URL } from "./client";
export type { Db, DbTx } from "./client";
export { Prisma, Role } from "./prisma";
export { isUniqueViolation, isNotFound } from "./errors";
export { lockForShare, lockForUpdate } from "./locks";
export { countAnswers, readResponseForWrite, upsertAnswer } from "./answers";
