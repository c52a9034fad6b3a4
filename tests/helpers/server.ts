export { serve, type StaticServer } from '../../scripts/site/serve.ts'
