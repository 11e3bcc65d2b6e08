import { WasmMemoryLimitError } from '../errors.js';

const PAGE_BYTES = 65536;
/** wasm32 addresses 2^32 bytes: 65536 pages of 64 KiB. */
export const WASM32_MAX_BYTES = 2 ** 32;
const ALIGN = 16;

/**
 * The façade's allocator over a module's linear memory. The AssemblyScript kernels
 * never allocate (the module is built with the stub runtime), so every byte above
 * `heapBase` belongs to this heap. First-fit over a free list sorted by address,
 * with coalescing on free, so memory stays bounded over any number of
 * allocate/free cycles; the memory grows only when no free block fits.
 *
 * Views over `memory.buffer` are never cached: `f64`/`i32` take a fresh view each
 * time, because `memory.grow` detaches old ones.
 */
export class WasmHeap {
  readonly memory: WebAssembly.Memory;
  /** Free blocks, sorted by start address, never adjacent (always coalesced). */
  private readonly freeBlocks: { start: number; size: number }[] = [];
  private readonly allocated = new Map<number, number>();
  private inUse = 0;

  constructor(memory: WebAssembly.Memory, heapBase: number) {
    this.memory = memory;
    const start = alignUp(heapBase);
    const end = memory.buffer.byteLength;
    if (end > start) this.freeBlocks.push({ start, size: end - start });
    else if (end < start) this.grow(start - end);
  }

  /** Bytes currently allocated. */
  get bytesInUse(): number {
    return this.inUse;
  }

  /** Current size of the linear memory in bytes. */
  get bytesReserved(): number {
    return this.memory.buffer.byteLength;
  }

  /**
   * Allocates `bytes` (16-byte aligned) and returns the address.
   * @throws {WasmMemoryLimitError} when the request cannot fit in 4 GiB.
   */
  allocate(bytes: number, argument = 'data'): number {
    const size = Math.max(ALIGN, alignUp(bytes));
    if (size > WASM32_MAX_BYTES - this.inUse) throw new WasmMemoryLimitError(argument, bytes, this.inUse);
    let index = this.freeBlocks.findIndex((b) => b.size >= size);
    if (index < 0) {
      const last = this.freeBlocks[this.freeBlocks.length - 1];
      const end = this.memory.buffer.byteLength;
      const tail = last && last.start + last.size === end ? last.size : 0;
      try {
        this.grow(size - tail);
      } catch {
        throw new WasmMemoryLimitError(argument, bytes, this.inUse);
      }
      index = this.freeBlocks.findIndex((b) => b.size >= size);
    }
    const block = this.freeBlocks[index]!;
    const ptr = block.start;
    if (block.size === size) this.freeBlocks.splice(index, 1);
    else {
      block.start += size;
      block.size -= size;
    }
    this.allocated.set(ptr, size);
    this.inUse += size;
    return ptr;
  }

  /** Returns a block to the heap. Freeing an unknown address is a no-op (idempotent dispose). */
  free(ptr: number): void {
    const size = this.allocated.get(ptr);
    if (size === undefined) return;
    this.allocated.delete(ptr);
    this.inUse -= size;
    this.insertFree(ptr, size);
  }

  /** A fresh Float64Array view of `length` doubles at `ptr`. */
  f64(ptr: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, ptr, length);
  }

  /** A fresh Uint8Array view of `length` bytes at `ptr`. */
  u8(ptr: number, length: number): Uint8Array {
    return new Uint8Array(this.memory.buffer, ptr, length);
  }

  /** A fresh Int32Array view of `length` ints at `ptr`. */
  i32(ptr: number, length: number): Int32Array {
    return new Int32Array(this.memory.buffer, ptr, length);
  }

  private grow(bytes: number): void {
    const before = this.memory.buffer.byteLength;
    const pages = Math.ceil(bytes / PAGE_BYTES);
    if (before + pages * PAGE_BYTES > WASM32_MAX_BYTES) throw new RangeError('beyond wasm32');
    this.memory.grow(pages);
    this.insertFree(before, pages * PAGE_BYTES);
  }

  private insertFree(start: number, size: number): void {
    const blocks = this.freeBlocks;
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    blocks.splice(lo, 0, { start, size });
    // Coalesce with the next, then with the previous block.
    const cur = blocks[lo]!;
    const next = blocks[lo + 1];
    if (next && cur.start + cur.size === next.start) {
      cur.size += next.size;
      blocks.splice(lo + 1, 1);
    }
    const prev = blocks[lo - 1];
    if (prev && prev.start + prev.size === cur.start) {
      prev.size += cur.size;
      blocks.splice(lo, 1);
    }
  }
}

function alignUp(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
