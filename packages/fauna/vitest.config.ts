import { defineProject } from 'vitest/config'

export default defineProject({
  test: { name: 'fauna', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
})
