import { InvalidInputError } from '../errors/invalid-input-error.js';
import type { Command } from './types.js';

/** Rejects a command that is not an absolute path plus an array of NUL-free strings. */
export function validateCommand(command: Command): void {
  if (
    typeof command?.file !== 'string' ||
    !/^\/[^\0]*$/.test(command.file) ||
    command.file.includes('/../')
  ) {
    throw new InvalidInputError('command.file', command?.file, 'an absolute path without ".." segments');
  }
  if (!Array.isArray(command.args))
    throw new InvalidInputError('command.args', command.args, 'an array of strings');
  command.args.forEach((arg: unknown, index) => {
    if (typeof arg !== 'string' || arg.includes('\0')) {
      throw new InvalidInputError(`command.args[${index}]`, arg, 'a string without NUL bytes');
    }
  });
}
