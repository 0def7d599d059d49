// The WebAssembly binaries of tfjs-backend-wasm, emitted by Vite as files of the build.
export { default as wasmPlain } from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
export { default as wasmSimd } from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
export { default as wasmThreadedSimd } from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
