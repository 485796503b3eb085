export async function benchWorld(): Promise<void> { throw new Error('not written yet'); }
