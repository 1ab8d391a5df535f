import type { CodeInfo } from './types.js';

/** Project structure: names, references, engines, pipe types (MK2xxx). */
export const PROJECT_CODES = {
  MK2001: { title: 'Duplicate resource name', hint: 'Datasources and pipes share one namespace: rename one of the files.' },
  MK2002: { title: 'Invalid column type', hint: 'Use a ClickHouse type such as String, Int32, DateTime, Nullable(String).' },
  MK2003: { title: 'Engine setting names an unknown column', hint: 'Engine keys may only use columns declared in SCHEMA.' },
  MK2004: { title: 'Unknown engine' },
  MK2005: { title: 'Engine needs a sorting key', hint: 'Add ENGINE_SORTING_KEY with the columns that identify a row.' },
  MK2006: { title: 'Invalid engine setting' },
  MK2007: { title: 'Datasource has no columns', hint: 'Declare at least one column in SCHEMA >.' },
  MK2010: { title: 'Pipe has no nodes', hint: 'Add a NODE with an SQL > block.' },
  MK2011: { title: 'Duplicate node name', hint: 'Node names must be unique within a pipe.' },
  MK2012: { title: 'More than one output node', hint: 'A pipe has at most one endpoint, materialized, copy or sink node.' },
  MK2013: { title: 'Materialized node without DATASOURCE', hint: 'Add DATASOURCE <target> after TYPE materialized.' },
  MK2014: { title: 'Unknown datasource', hint: 'Create the datasource file or fix the name.' },
  MK2015: { title: 'Copy node without TARGET_DATASOURCE', hint: 'Add TARGET_DATASOURCE <target> after TYPE copy.' },
  MK2016: { title: 'Invalid COPY_MODE', hint: 'COPY_MODE is append or replace.' },
  MK2017: { title: 'Invalid COPY_SCHEDULE', hint: 'Use @on-demand or a five-field cron expression such as 0 * * * *.' },
  MK2018: { title: 'Unknown node TYPE', hint: 'TYPE is endpoint, materialized, copy or sink.' },
  MK2019: { title: 'Node has no SQL', hint: 'Every node needs an SQL > block.' },
  MK2020: { title: 'Fixture for an unknown datasource', hint: 'Name fixtures after their datasource: fixtures/<datasource>.ndjson.' },
  MK2021: { title: 'Invalid token permission', hint: 'Pipes take TOKEN <name> READ; datasources READ or APPEND.' },
  MK2022: { title: 'Node name equals the pipe name', hint: 'Rename the node: Tinybird requires node names to differ from resource names.' },
  MK2023: {
    title: 'Materialized pipe cannot render',
    hint: 'Give every template parameter of a materialized pipe a default: views run without request parameters.',
  },
  MK2024: {
    title: 'Endpoint without TYPE',
    hint: 'Add TYPE endpoint to the node to publish: Tinybird Forward serves only pipes that say so.',
  },
  MK2030: { title: 'Circular reference between pipes', hint: 'A pipe cannot read from itself through other pipes.' },
} satisfies Record<string, CodeInfo>;
