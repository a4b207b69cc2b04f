/** Review once, apply everywhere: findings like a decided one, and workspace rules learned from decisions. Pure. */
export * from './like';
export * from './rules';
export * from './derive';
