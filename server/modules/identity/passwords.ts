import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's defaults are argon2id, m=19 MiB, t=2, p=1 (the OWASP minimum for argon2id).

/** Hashes a password with argon2id; the PHC string carries its own salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash; false (never throws) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spends the same time as a real check, so an unknown login cannot be told apart from a wrong password by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hash('motcua-dummy-password-0');
  await verifyPassword(await dummyHash, password);
}
