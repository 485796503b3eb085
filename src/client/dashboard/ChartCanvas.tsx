import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';
import { Chart } from './chartSetup';

interface ChartCanvasProps {
  /** The chart to draw; a new object redraws it (memoise it). */
  config: ChartConfiguration;
  /** What the picture shows, for screen readers (the data table follows it). */
  label: string;
  /** Height of the drawing area in CSS pixels. */
  height: number;
}

/** One Chart.js chart on a canvas, made and destroyed with the component. */
export function ChartCanvas({ config, label, height }: ChartCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
