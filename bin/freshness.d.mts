export declare const STAMP: string;
export declare function sourceFingerprint(root: string): string;
export declare function buildIsCurrent(root: string, libDir?: string): boolean;
