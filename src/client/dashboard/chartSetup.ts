import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

// Only the pieces the dashboard draws, so the bundle carries no unused chart types.
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1b1f24';
Chart.defaults.borderColor = '#e6e0d8';
// Charts appear at once: calmer for people who avoid motion, and steady for screenshots.
Chart.defaults.animation = false;

/** Series colours: Makassar red, blue, green, dark gold — distinct in lightness too. */
export const COLOURS = ['#c8102e', '#1f5fbf', '#17773f', '#8a6100'] as const;

export { Chart };
