//! Live database → catalog (being written).
use crate::error::Error;
use crate::model::Catalog;

pub fn load(_url: &str) -> Result<Catalog, Error> {
    Err(Error::Invalid("live loading is not written yet".into()))
}
