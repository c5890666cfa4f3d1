import path from 'node:path';

/** What a county data folder holds. */
export function countyPaths(dataDir: string) {
  return {
    dataDir,
    dbFile: path.join(dataDir, 'county.sqlite'),
    keysDir: path.join(dataDir, 'keys'),
  };
}
