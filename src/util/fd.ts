// Reading a file that is already open (opened with O_NOFOLLOW by its caller) to the end.
import { readSync } from 'node:fs';

/** Reads up to `size` bytes from an open file descriptor; shorter if the file ends first. */
export function readOpenFile(fd: number, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  let read = 0;
  while (read < buffer.length) {
    const n = readSync(fd, buffer, read, buffer.length - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}
