import {
  FLOW_EXPORT_TOOL_IDS,
  FLOW_EXPORT_TOOLS,
  isFlowExportTool,
  parseFlowExportTag,
} from './FlowExportTools';

describe('parseFlowExportTag', () => {
  it.each([
    ['tetragon', ['tetragon'], 0],
    ['tetragon,linkerd', ['tetragon', 'linkerd'], 0],
    // Sorted as FLOW_EXPORT_TOOLS lists them, each once, whatever the case and spaces.
    [' Linkerd , TETRAGON,tetragon ', ['tetragon', 'linkerd'], 0],
    ['istio,,retina,', ['retina', 'istio'], 0],
    ['tetragon,cilium-hubble', ['tetragon'], 1],
    ['falco, zeek\n', [], 2],
    ['', [], 0],
    // Not a tool: an inherited property of a plain object.
    ['constructor,toString', [], 2],
  ])('reads %j', (value, tools, unrecognisedCount) => {
    expect(parseFlowExportTag(value)).toEqual({ tools, unrecognisedCount });
  });
});

describe('FLOW_EXPORT_TOOLS', () => {
  it('lists every tool with a name, what it records and an https source', () => {
    expect(FLOW_EXPORT_TOOL_IDS).toEqual([
      'tetragon',
      'linkerd',
      'retina',
      'istio',
    ]);
    for (const id of FLOW_EXPORT_TOOL_IDS) {
      expect(isFlowExportTool(id)).toBe(true);
      const tool = FLOW_EXPORT_TOOLS[id];
      expect(tool.name.length).toBeGreaterThan(0);
      expect(tool.records.length).toBeGreaterThan(0);
      expect(new URL(tool.source).protocol).toBe('https:');
    }
  });
});
