export declare const ENTRIES: string[];
export declare const BUNDLE_DIR: string;
export declare function writeBundles(dir: string): Promise<boolean>;
