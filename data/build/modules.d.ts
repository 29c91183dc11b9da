declare module 'mapshaper' {
  const mapshaper: {
    applyCommands(
      commands: string,
      inputs?: Record<string, string | Buffer>,
    ): Promise<Record<string, string | Buffer>>;
  };
  export default mapshaper;
}
declare module 'polylabel' {
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
  ): [number, number] & { distance: number };
}
