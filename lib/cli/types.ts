export type CliResult = { code: number; stdout: string; stderr: string };
export type CliIO = {
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
};
