export { serve, type StaticServer } from '../../scripts/serve.ts'
