/**
 * l1l2/node: readers that stream data files from disk (Node only). The platform-neutral parsers
 * they use (parseCsvDataset, SvmlightParser, parseMatrixMarketDataset) are in the main entry.
 *
 * @packageDocumentation
 */
export {
  readDataFile, readSvmlightFile, readCsvFile, readTextFile, formatFromExtension, MAX_TEXT_FILE_BYTES,
  type DataFile, type DataFileFormat, type ReadDataFileOptions,
} from './readDataFile.js';
