import type { ChType } from '../../types/ast.js';

/** A datasource with its types parsed and engine settings interpreted: what the store builds. */
export interface ResolvedDatasource {
  readonly name: string;
  readonly columns: readonly ResolvedColumn[];
  readonly engine: ResolvedEngine;
}

export interface ResolvedColumn {
  readonly name: string;
  readonly type: ChType;
  readonly jsonPath?: string;
  readonly defaultExpr?: string;
}

export interface ResolvedEngine {
  /** Canonical engine name: MergeTree, ReplacingMergeTree, … */
  readonly kind: string;
  readonly sortingKey: readonly string[];
  readonly partitionKey?: string;
  readonly primaryKey?: string;
  readonly ver?: string;
  readonly isDeleted?: string;
  readonly sign?: string;
  readonly version?: string;
  readonly ttl?: string;
  readonly summingColumns?: readonly string[];
}

export const ENGINES = [
  'MergeTree',
  'ReplacingMergeTree',
  'SummingMergeTree',
  'AggregatingMergeTree',
  'CollapsingMergeTree',
  'VersionedCollapsingMergeTree',
  'Join',
  'Null',
] as const;

/** Engines that Tinybird refuses without an explicit ENGINE_SORTING_KEY. */
export const NEEDS_SORTING_KEY = new Set([
  'ReplacingMergeTree',
  'AggregatingMergeTree',
  'CollapsingMergeTree',
  'VersionedCollapsingMergeTree',
]);
