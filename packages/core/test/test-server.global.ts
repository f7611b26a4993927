import type { TestProject } from 'vitest/node';
export default function setup(project: TestProject) {
  project.provide('feedServer', 'http://127.0.0.1:1');
}
declare module 'vitest' {
  export interface ProvidedContext {
    feedServer: string;
  }
}
